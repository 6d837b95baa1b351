extension SaleSimulation.Campaign {
    /// Reads `HH:MM:LIFT[:HALFLIFE]`: the mail goes out HH hours and MM minutes after the sale's
    /// start (HH may pass 23), the extra rate peaks at LIFT times the base rate and halves every
    /// HALFLIFE minutes (default 30). Nil when the text does not read so.
    public init?(spec: String) {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 || parts.count == 4,
              let minute = SaleSimulation.elapsedMinutes(parts[0] + ":" + parts[1]),
              let lift = Double(parts[2]), (0...SaleSimulation.maximumLift).contains(lift) else { return nil }
        let halfLife = parts.count == 4 ? Double(parts[3]) : 30
        guard let halfLife, halfLife > 0, halfLife.isFinite else { return nil }
        self.init(minute: minute, lift: lift, halfLife: halfLife)
    }
}

extension SaleSimulation {
    /// Minutes in an elapsed time written `HH:MM` (`50:30` is 3030), or nil.
    public static func elapsedMinutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]), hours >= 0, (0..<60).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }
}
