extension Series {
    /// The two series over the times both cover, value for value.
    ///
    /// Both must have the same step, unless `resample` says how to bring the finer one to the
    /// coarser step (which must be a multiple of it); their times must fall on the same grid; and
    /// two non-empty series must overlap. An empty series aligns with anything as empty.
    public static func aligned(_ first: Series, _ second: Series, resample: ResampleMethod? = nil)
        throws(SeriesError) -> (Series, Series)
    {
        var (first, second) = (first, second)
        if first.step != second.step {
            guard let resample else {
                let steps = "\(first.step) and \(second.step) minutes"
                let coarse = Swift.max(first.step, second.step)
                throw SeriesError(description: "series steps differ (\(steps)): resample first, as s:resample(\(coarse)), or align with s:align(t, 'sum')")
            }
            if first.step < second.step {
                first = try first.resampled(step: second.step, method: resample)
            } else {
                second = try second.resampled(step: first.step, method: resample)
            }
        }
        guard !first.values.isEmpty, !second.values.isEmpty else {
            let empty = Series(start: Swift.max(first.start, second.start), step: first.step, values: [], zone: first.zone)
            return (empty, Series(start: empty.start, step: empty.step, values: [], zone: second.zone))
        }
        let gap = second.start - first.start
        guard gap % first.step == 0 else {
            throw SeriesError(description: "series times do not line up: they start \(abs(gap)) minutes apart with a step of \(first.step)")
        }
        let start = Swift.max(first.start, second.start), end = Swift.min(first.end, second.end)
        guard start < end else {
            throw SeriesError(description: "series do not overlap in time (\(first.span) and \(second.span)): move one with s:shift(n)")
        }
        return (first.slice(fromMinute: start, toMinute: end - 1), second.slice(fromMinute: start, toMinute: end - 1))
    }

    /// `combine(values)` applied to the values two series have at the same times (see `aligned`).
    public static func combined(_ first: Series, _ second: Series, _ combine: (Double, Double) -> Double)
        throws(SeriesError) -> Series
    {
        let (left, right) = try aligned(first, second)
        return left.with(values: zip(left.values, right.values).map(combine))
    }

    /// The same values `steps` steps later in time (earlier when negative): `s - s:shift(1)` is the
    /// change from the previous value.
    public func shifted(by steps: Int) throws(SeriesError) -> Series {
        let (offset, overflow) = steps.multipliedReportingOverflow(by: step)
        let (newStart, startOverflow) = start.addingReportingOverflow(offset)
        guard !overflow, !startOverflow else {
            throw SeriesError(description: "shift of \(steps) steps reaches beyond 1e15 seconds from 1970")
        }
        do { try Self.checkSpan(start: newStart, step: step, count: count) } catch {
            throw SeriesError(description: "shift of \(steps) steps reaches beyond 1e15 seconds from 1970")
        }
        return Series(start: newStart, step: step, values: values, zone: zone)
    }

    /// The same values from minute `newStart` on: `before.shifted(toStart: now.start)` lines last
    /// year's sale up with this year's.
    public func shifted(toStart newStart: Int) throws(SeriesError) -> Series {
        do { try Self.checkSpan(start: newStart, step: step, count: count) } catch {
            throw SeriesError(description: "\(count) values from minute \(newStart) reach beyond 1e15 seconds from 1970")
        }
        return Series(start: newStart, step: step, values: values, zone: zone)
    }

    /// First and last labels, as errors show them: `2021-05-20T14:03..2021-05-20T14:07`.
    var span: String { "\(label(at: 0))..\(label(at: count - 1))" }
}
