/// The pixels of an 8-bit, non-interlaced RGB or RGBA PNG, as rsvg-convert writes them.
struct PNGImage {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let width: Int, height: Int, channels: Int
    /// Row-major pixel bytes, `channels` per pixel.
    let pixels: [UInt8]

    init(_ data: [UInt8]) throws {
        guard data.count > 8, data[1...3] == [0x50, 0x4E, 0x47] else { throw Failure(description: "not a png") }
        var position = 8, header: [UInt8] = [], compressed: [UInt8] = []
        while position + 8 <= data.count {
            let length = data[position..<(position + 4)].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: data[(position + 4)..<(position + 8)], as: UTF8.self)
            let body = Array(data[(position + 8)..<min(data.count, position + 8 + length)])
            if type == "IHDR" { header = body }
            if type == "IDAT" { compressed += body }
            position += 12 + length
        }
        guard header.count == 13, header[8] == 8, header[12] == 0, [2, 6].contains(header[9]) else {
            throw Failure(description: "unsupported png format")
        }
        width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
        height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        channels = header[9] == 6 ? 4 : 3
        let raw = try Inflate.decompress(Array(compressed.dropFirst(2)))  // drop the zlib header
        pixels = try Self.unfilter(raw, width: width, height: height, channels: channels)
    }

    /// Undoes the per-row PNG filters (none, sub, up, average, Paeth).
    private static func unfilter(_ raw: [UInt8], width: Int, height: Int, channels: Int) throws -> [UInt8] {
        let stride = width * channels
        guard raw.count >= height * (stride + 1) else { throw Failure(description: "truncated png data") }
        var out = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            for i in 0..<stride {
                let x = Int(raw[row * (stride + 1) + 1 + i])
                let a = i >= channels ? Int(out[row * stride + i - channels]) : 0
                let b = row > 0 ? Int(out[(row - 1) * stride + i]) : 0
                let c = row > 0 && i >= channels ? Int(out[(row - 1) * stride + i - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw Failure(description: "bad png filter \(filter)")
                }
                out[row * stride + i] = UInt8((x + predictor) & 0xFF)
            }
        }
        return out
    }

    /// Each pixel's bytes packed into one number.
    private var packedPixels: [UInt32] {
        pixels.withUnsafeBufferPointer { bytes in
            (0..<(width * height)).map { p in
                var value: UInt32 = 0
                for c in 0..<channels { value = value << 8 | UInt32(bytes[p * channels + c]) }
                return value
            }
        }
    }

    /// How many different pixel values the image has.
    var distinctColors: Int { Set(packedPixels).count }

    /// The share of pixels that differ from the top-left (background) pixel.
    var inkFraction: Double {
        let packed = packedPixels
        guard let background = packed.first else { return 0 }
        return Double(packed.lazy.filter { $0 != background }.count) / Double(packed.count)
    }
}
