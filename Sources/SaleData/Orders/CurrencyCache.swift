/// Remembers the last currency code seen, since exports mostly repeat the same few in runs.
struct CurrencyCache {
    private var lastCode: [UInt8] = []
    private var lastRate = 1.0

    /// The rate of the code in the bytes, or nil when the table does not know it.
    mutating func rate(_ p: UnsafeMutablePointer<UInt8>, _ n: Int, _ rates: CurrencyRates?) -> Double? {
        let code = UnsafeBufferPointer(start: p, count: n)
        if !lastCode.isEmpty, lastCode.elementsEqual(code) { return lastRate }
        let text = String(decoding: code, as: UTF8.self)
        guard let rate = text.isEmpty ? 1 : rates?.rate(of: text) else { return nil }
        lastCode = Array(code)
        lastRate = rate
        return rate
    }
}
