/// Times written the way the options label time axes.
extension ChartOptions {
    /// `14:05` in the options' time zone (`Tue 21 May 14:05` when `withDate`, for axes spanning
    /// days), or `minute 125` counted from `origin` on elapsed axes.
    func timeText(_ minute: Double, origin: Double, withDate: Bool = false) -> String {
        if timeLabels == .elapsed { return "minute \(Int((minute - origin).rounded()))" }
        let scale = TimeScale(start: minute, end: minute, range: (0, 1), timeZone: timeZone)
        let time = CivilTime(localMinute: Int(minute.rounded(.down)) + scale.offset(at: minute))
        return withDate ? time.dateLabel + " " + time.clockLabel : time.clockLabel
    }
}
