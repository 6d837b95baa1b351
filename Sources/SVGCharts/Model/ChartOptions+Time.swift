/// Times written the way the options label time axes.
extension ChartOptions {
    /// `14:05` in the options' time zone, or `minute 125` counted from `origin` on elapsed axes.
    func timeText(_ minute: Double, origin: Double) -> String {
        if timeLabels == .elapsed { return "minute \(Int((minute - origin).rounded()))" }
        let scale = TimeScale(start: minute, end: minute, range: (0, 1), timeZone: timeZone)
        return CivilTime(localMinute: Int(minute.rounded(.down)) + scale.offset(at: minute)).clockLabel
    }
}
