#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension IntervalCalibration {
    /// Room in a band for two risks that back-tests inside this sale cannot show, added to the
    /// back-tests' quantiles at each horizon.
    ///
    /// - A special day ahead. Where the forecast reaches a day whose level it has not seen (after
    ///   the cutoff's day, or the cutoff's own in the share of its first `settleMinutes` not yet
    ///   seen), this year's lift is uncertain in proportion to the lift itself: the day's level may
    ///   differ from the forecast's by a log standard deviation of `dayLiftUncertainty` times the
    ///   root sum of squares of that day's and its reference day's (the one the forecast's level
    ///   comes from) log offsets from the ordinary day, counted only where a day is not alike to it
    ///   (`specialOffset`). Offsets are the earlier sale's days'; without one, this sale's days so
    ///   far, and a day not yet seen counts as special as those days were (root mean square). Both
    ///   ways, in quadrature with the back-tests' quantiles, on that day's share of the forecast.
    /// - Bursts nobody announced. Where this sale has shown one-off bursts (`BurstCleaning`'s: a
    ///   campaign the model did not forecast), more may come at the rate they came: the upper
    ///   quantile is at least as far above the forecast as the bursts' upper-tail count over the
    ///   horizon (`burstCount`) times the typical burst's gain (in minutes of the sale's revenue at
    ///   the time) would put it. Upwards only: a burst only adds revenue.
    struct UnseenRisk {
        /// The log standard deviation of this year's lift of a special day per unit of its log lift.
        static let dayLiftUncertainty = 0.5
        /// Minutes of a day after which the forecast has seen its level (the default model follows
        /// a moved level over its newest six hours).
        static let settleMinutes = 360
        /// Standard errors of noise taken off each day-to-day change in level (chance wobbles of a
        /// sparse shop's days are no special day).
        static let noiseSigmas = 2.0
        /// Minutes between two bursts below which they count as one campaign.
        static let burstGapMinutes = 60

        /// Per horizon `h` (index `h - 1`): the log spread the day-level risk adds below the forecast.
        private(set) var below: [Double] = []
        /// Per horizon: the log spread the day-level risk adds above the forecast.
        private(set) var above: [Double] = []
        /// Per horizon: the log spread above the forecast that unannounced bursts need (0 without any).
        private(set) var bursts: [Double] = []

        /// What the room reads from the sale, the same at every level: its burst-free revenue's
        /// day-level uncertainty per forecast row and the bursts nobody announced (none when the
        /// bands leave them out).
        struct Sale {
            /// The sale up to the cutoff.
            let input: ForecastInput
            /// Per forecast row: the log standard deviation of its day's unseen level (`daySigmas`).
            let sigmas: [Double]
            /// The one-off bursts the sale showed (`bursts`), empty when left out.
            let bursts: [(gain: Double, rows: Int)]

            /// What `input`'s sale says over `horizon` rows, given its burst-free revenue `cleaned`
            /// (`burstFreeRevenue`).
            init(_ input: ForecastInput, cleaned: [Double], horizon: Int) {
                self.input = input
                sigmas = UnseenRisk.daySigmas(input, cleaned: cleaned, horizon: horizon)
                bursts = UnseenRisk.bursts(revenue: input.revenue, cleaned: cleaned, step: input.step)
            }

            private init(input: ForecastInput, sigmas: [Double], bursts: [(gain: Double, rows: Int)]) {
                self.input = input
                self.sigmas = sigmas
                self.bursts = bursts
            }

            /// The same without room for bursts nobody announced: for a what-if scenario's
            /// burst-free bands, whose scenario states its campaigns.
            var withoutBursts: Sale { Sale(input: input, sigmas: sigmas, bursts: []) }
        }

        /// The risks of `calibration`'s sale over the forecast `mean` (cumulative), for the band of `level`.
        init(_ calibration: IntervalCalibration, mean: [Double], level: Double, bursts withBursts: Bool = true) {
            let sale = Sale(calibration.input, cleaned: calibration.burstFreeRevenue(), horizon: mean.count)
            self.init(withBursts ? sale : sale.withoutBursts, mean: mean, level: level)
        }

        /// The risks `sale` shows over the forecast `mean` (cumulative, `sale`'s horizon long), for the band of `level`.
        init(_ sale: Sale, mean: [Double], level: Double) {
            let input = sale.input
            let z = IntervalCalibration.normalQuantile(1 - (1 - level) / 2)
            let total = input.revenue.reduce(0, +)
            let rates = mean.indices.map { mean[$0] - ($0 > 0 ? mean[$0 - 1] : total) }
            let sigmas = sale.sigmas
            var up = 0.0, down = 0.0, gain = 0.0
            for h in mean.indices {
                let rate = max(rates[h], 0)
                gain += rate
                up += rate * exp(z * sigmas[h])
                down += rate * exp(-z * sigmas[h])
                above.append(gain > 0 ? log(up / gain) : 0)
                below.append(gain > 0 ? -log(down / gain) : 0)
            }
            let drift = input.driftRate(at: input.cutoff)
            bursts = Self.burstSpreads(input, found: sale.bursts, mean: mean, total: total, drift: drift, tail: (1 - level) / 2)
        }

        /// The back-tests' `bounds` (log ratios, lower <= 0 <= upper) at horizon `h` with this room
        /// added: the day-level risk in quadrature (independent of the sale's own noise), the
        /// bursts' room as a floor of the upper bound (the back-tests' stretches held the sale's
        /// earlier bursts too: counting them twice would widen twice).
        func widened(_ bounds: (Double, Double), h: Int) -> (Double, Double) {
            let (low, high) = bounds
            let index = min(h, above.count) - 1
            guard index >= 0 else { return bounds }
            let upper = (high * high + above[index] * above[index]).squareRoot()
            return (-(low * low + below[index] * below[index]).squareRoot(), max(upper, index < bursts.count ? bursts[index] : 0))
        }

        /// Per forecast row (index `h - 1`): the log standard deviation of its day's level beyond
        /// what the forecast has seen (0 on days whose level it has seen).
        static func daySigmas(_ input: ForecastInput, cleaned: [Double], horizon: Int) -> [Double] {
            let cutoff = input.cutoff, rows = cutoff + 1 + horizon
            let days = dayIndex(input, rows: max(rows, input.history?.count ?? 0))
            let today = days[cutoff]
            let seenToday = (cutoff - (days.firstIndex(of: today) ?? 0) + 1) * input.step
            let own = dayLevels(cleaned, days: days, input: input, fewestRows: settleMinutes / max(input.step, 1))
            let earlier = input.history.map { dayLevels($0, days: days, input: input) }
            // Each day's log level over the ordinary day: the earlier sale's where it covers the
            // day (the forecast's own guide to it), else this sale's so far.
            let levels = earlier ?? own
            let ordinary = ordinaryLevel(levels.compactMap { $0 })
            // A day no level is known for may be as special as this sale's days so far were.
            let ownLevels = own.compactMap { $0 }, ownOrdinary = ordinaryLevel(ownLevels)
            let unknown = ownLevels.isEmpty ? 0
                : (ownLevels.reduce(0) { $0 + pow(Self.specialOffset($1 - ownOrdinary), 2) } / Double(ownLevels.count)).squareRoot()
            func special(_ day: Int) -> Double {
                guard day < levels.count, let level = levels[day] else { return unknown }
                return Self.specialOffset(level - ordinary)
            }
            // The day the forecast's level comes from: today once it has settled, else the last
            // open day before it; today's rows then carry the risk in the share of it not yet seen.
            let settled = seenToday >= settleMinutes
            var reference = today
            if !settled {
                reference = (0..<today).last { $0 < own.count && own[$0] != nil } ?? today
            }
            let unseenToday = settled ? 0 : 1 - Double(seenToday) / Double(settleMinutes)
            return (cutoff + 1..<rows).map { row in
                let day = days[row]
                guard day > reference else { return 0 }
                let weight = day == today ? unseenToday : 1
                let a = special(day), b = special(reference)
                return weight * dayLiftUncertainty * (a * a + b * b).squareRoot()
            }
        }

        /// Days whose levels lie within this log distance of one another are alike (25%).
        static let alikeDays = log(1.25)

        /// A day's log level over the ordinary day's as far as it makes the day special: 0 while
        /// the day is alike to the ordinary one (such changes from day to day are the back-tests'
        /// own: they crossed days like them).
        static func specialOffset(_ offset: Double) -> Double { abs(offset) > alikeDays ? offset : 0 }

        /// The level most of `levels` (days' log levels) share: the median of the largest group of
        /// days alike to one of them (the lowest such group's on a tie; 0 for none). A sale's
        /// special days then stand out even where they are half of a short sale's days.
        static func ordinaryLevel(_ levels: [Double]) -> Double {
            var best: [Double] = []
            for level in levels.sorted() {
                let group = levels.filter { abs($0 - level) <= alikeDays }
                if group.count > best.count { best = group }
            }
            return best.isEmpty ? 0 : ShapeFit.median(best)
        }

        /// The local day of each of `rows` rows (0 for the sale's first), from the rows' local
        /// minutes of the day (`localMinute`).
        static func dayIndex(_ input: ForecastInput, rows: Int) -> [Int] {
            var days: [Int] = [], day = 0, previous = -1
            days.reserveCapacity(rows)
            for row in 0..<rows {
                let minute = input.localMinute(row: row)
                if row > 0, minute < previous { day += 1 }
                previous = minute
                days.append(day)
            }
            return days
        }

        /// Each local day's log level (nil for a day `values` does not reach or that sold nothing):
        /// 0 for the first open day, then each open day's change over the last open day before it,
        /// on the local hours both cover, less `noiseSigmas` standard errors of noise. A day of
        /// fewer than `fewestRows` rows in `values` (a day just begun) has none.
        static func dayLevels(_ values: [Double], days: [Int], input: ForecastInput, fewestRows: Int = 1) -> [Double?] {
            let count = min(values.count, days.count)
            guard count > 0 else { return [] }
            let totals = RunningTotals(Array(values[..<count]))
            let dayCount = days[count - 1] + 1
            var sums = Array(repeating: Array(repeating: 0.0, count: 24), count: dayCount)
            var noise = sums, covered = Array(repeating: Array(repeating: false, count: 24), count: dayCount)
            var rows = Array(repeating: 0, count: dayCount), first = 0
            for row in 0..<count where row == count - 1 || days[row + 1] != days[row] || hour(input, row + 1) != hour(input, row) {
                let day = days[row], local = hour(input, row)
                sums[day][local] += totals.total(first, row)
                noise[day][local] += totals.noiseVariance(first, row)
                covered[day][local] = true
                rows[day] += row - first + 1
                first = row + 1
            }
            var levels = [Double?](repeating: nil, count: dayCount), last: Int?
            for day in 0..<dayCount where sums[day].reduce(0, +) > 0 && rows[day] >= fewestRows {
                guard let before = last, let level = levels[before] else {
                    levels[day] = 0
                    last = day
                    continue
                }
                let both = (0..<24).filter { covered[day][$0] && covered[before][$0] }
                let now = both.reduce(0) { $0 + sums[day][$1] }, then = both.reduce(0) { $0 + sums[before][$1] }
                var change = 0.0
                if now > 0, then > 0 {
                    let raw = log(now / then)
                    let error = (both.reduce(0) { $0 + noise[day][$1] } / (now * now) + both.reduce(0) { $0 + noise[before][$1] } / (then * then)).squareRoot()
                    change = raw > 0 ? max(raw - noiseSigmas * error, 0) : min(raw + noiseSigmas * error, 0)
                }
                levels[day] = level + change
                last = day
            }
            return levels
        }

        /// The local hour of `row` (rows past the forecast's continue at the same step).
        private static func hour(_ input: ForecastInput, _ row: Int) -> Int { input.localMinute(row: row) / 60 }

        /// Per horizon: the log spread above the forecast that the bursts `found` (`bursts`), at the
        /// rate this sale showed them, need at tail `tail` (empty when it showed none). A burst's gain comes in over its
        /// length, so the count each horizon holds is the mean of the counts over the typical
        /// burst's length before it: the bound rises as a burst's revenue would.
        static func burstSpreads(_ input: ForecastInput, found: [(gain: Double, rows: Int)], mean: [Double], total: Double, drift: Double, tail: Double) -> [Double] {
            guard !found.isEmpty else { return [] }
            let typical = ShapeFit.median(found.map(\.gain))  // rows of the sale's revenue at the time
            let length = max(Int(ShapeFit.median(found.map { Double($0.rows) })), 1)
            var counts = [0.0], running = 0.0  // counts[h]: the count within h rows; their running sum
            var spreads: [Double] = []
            for index in mean.indices {
                let h = index + 1, gain = max(mean[index] - total, 0)
                counts.append(burstCount(seen: found.count, over: input.revenue.count, within: h, tail: tail))
                running += counts[h] - (h > length ? counts[h - length] : 0)
                let floor = IntervalCalibration.floor(drift: drift, h: h)
                spreads.append(gain + floor > 0 ? log(1 + running / Double(length) * typical * gain / Double(h) / (gain + floor)) : 0)
            }
            return spreads
        }

        /// The one-off bursts in `revenue` (its rows over `cleaned`'s, rows of `step` minutes):
        /// each run of rows above the cleaned ones (runs less than `burstGapMinutes` apart are one),
        /// with its extra revenue over the cleaned revenue's mean on its rows (`gain`: rows of the
        /// sale's revenue at the time) and its length in rows. A run that starts within the sale's
        /// first `burstGapMinutes` is its opening surge, which comes once: no burst.
        static func bursts(revenue: [Double], cleaned: [Double], step: Int) -> [(gain: Double, rows: Int)] {
            let gap = max(1, burstGapMinutes / max(step, 1))
            var result: [(gain: Double, rows: Int)] = [], extra = 0.0, base = 0.0, rows = 0, first = 0, lastAbove = -gap - 1
            func close() {
                if rows > 0, base > 0, first >= gap { result.append((extra / (base / Double(rows)), lastAbove - first + 1)) }
                extra = 0
                base = 0
                rows = 0
            }
            let noise = 1e-9 * max(revenue.reduce(0, +), 1)  // rounding of the cleaned running totals
            for row in revenue.indices where revenue[row] - cleaned[row] > noise {
                if row - lastAbove > gap {
                    close()
                    first = row
                }
                extra += revenue[row] - cleaned[row]
                base += cleaned[row]
                rows += 1
                lastAbove = row
            }
            close()
            return result
        }

        /// How many bursts the upper `tail` of the outcome holds when `seen` came over `span` rows
        /// and the next `rows` rows are forecast: their count is negative binomial (a Poisson count
        /// whose rate is known only from those bursts, with a flat prior); the `k`-th burst is in
        /// once the chance of `k` or more exceeds `tail`, taken in linearly until it is twice
        /// `tail` (the exact quantile would take it in whole at once, and the bound would jump by a
        /// burst within a minute).
        static func burstCount(seen: Int, over span: Int, within rows: Int, tail: Double) -> Double {
            guard seen > 0, span > 0, rows > 0, tail > 0 else { return 0 }
            let shape = Double(seen + 1), stay = Double(span) / Double(span + rows)
            var count = 0.0, k = 0, term = pow(stay, shape), atLeast = 1.0
            while k < 1000 {
                atLeast -= term  // now the chance of more than k, i.e. of k + 1 or more
                guard atLeast > tail else { break }
                count += min((atLeast - tail) / tail, 1)
                term *= (Double(k) + shape) / Double(k + 1) * (1 - stay)
                k += 1
            }
            return count
        }
    }
}
