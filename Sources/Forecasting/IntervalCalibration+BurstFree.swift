extension IntervalCalibration {
    /// The bands of `levels` twice from one set of back-tests: scored against the sale as it came
    /// (`ordinary`, the forecast's own band) and for a sale whose campaigns are all stated
    /// (`burstFree`). The ordinary band keeps room above for a campaign nobody announced, as the
    /// back-tests' stretches held the sale's earlier campaigns; a what-if scenario that states its
    /// campaign carries that campaign by its effect's own spread, so it starts from `burstFree`
    /// (else the campaign would count twice). A campaign only adds revenue, so only the room above
    /// goes: `burstFree`'s upper bounds come from the back-tests scored against the sale with its
    /// one-off bursts taken out (never above the ordinary ones), its lower bounds are the ordinary ones (scored so, the back-tests
    /// made just after a burst look too high and would move the lower bound down, as if stating a
    /// campaign made the worst case worse).
    func bandsWithBurstFree(mean: [Double], levels: [Double])
        -> (ordinary: [(lower: [Double], upper: [Double])], burstFree: [(lower: [Double], upper: [Double])])
    {
        let burstFree = burstFreeRevenue()
        guard burstFree != input.revenue else {  // no burst: the same bands, without a second quantile pass
            let ordinary = bands(mean: mean, levels: levels)
            return (ordinary, ordinary)
        }
        let residuals = backTestResiduals(horizon: mean.count, against: [input.revenue, burstFree])
        let sale = UnseenRisk.Sale(input, cleaned: burstFree, horizon: mean.count)
        let ordinary = bands(mean: mean, levels: levels, residuals: residuals[0], unseen: sale)
        let cleaned = bands(mean: mean, levels: levels, residuals: residuals[1], unseen: sale.withoutBursts)  // the scenario states its campaigns
        return (ordinary, zip(ordinary, cleaned).map { (lower: $0.lower, upper: zip($0.upper, $1.upper).map(Swift.min)) })
    }

    /// The revenue up to the cutoff with each one-off burst (a quarter hour that earned far more
    /// than the hours around it, and not at minutes that stood out a season earlier or in the
    /// earlier sale too) scaled down to its neighbourhood's median, as `BurstCleaning` does for
    /// last season. Outages stay as they came: a scenario states campaigns, not the site going down.
    func burstFreeRevenue() -> [Double] {
        let revenue = input.revenue, raw = RunningTotals(revenue)
        let echoes = [BurstCleaning.Echo(totals: raw, shift: input.season)]
            + (input.history.map { [BurstCleaning.Echo(totals: RunningTotals($0), shift: 0)] } ?? [])
        let cleaning = BurstCleaning(revenue: revenue, raw: raw, first: 0, last: input.cutoff, step: input.step, echoes: echoes)
        return revenue.indices.map { min(revenue[$0], cleaning.total($0, $0)) }
    }
}
