#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Cancellation

/// A file read by offset with `pread`, so several threads can read parts of it at once.
final class ByteSource: @unchecked Sendable {
    private let descriptor: Int32
    /// Size of the file when it was opened or last measured.
    private(set) var size: Int

    /// Opens a file for reading; the error reads `cannot open 'path': reason`.
    init(path: String) throws(OrdersFileError) {
        do throws(InputFileError) {
            descriptor = try InputFile.descriptor(path)
        } catch {
            throw OrdersFileError(description: error.description)
        }
        size = 0
        measure()
    }

    deinit { close(descriptor) }

    /// Re-reads the file's size (it may have grown).
    func measure() {
        var info = stat()
        size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Reads up to `count` bytes at `offset` into `buffer`; returns the bytes read (0 at the end).
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) -> Int {
        var total = 0
        while total < count {
            let got = pread(descriptor, buffer + total, count - total, off_t(offset + total))
            if got <= 0 { break }
            total += got
        }
        return total
    }

    /// Scans `[start, end)` of the file in blocks, handing the scanner whole rows.
    ///
    /// Returns the file offset just past the last row consumed; after an error, `resume` holds the
    /// offset of the bad row. `final` says whether `end` is the real end of the data (a last row
    /// without a line break is then complete). Before each block it asks `CancellationCheck`, and
    /// throws `CancellationError` with `resume` just past the rows the scanner has taken.
    func scan(_ scanner: inout OrderScanner, from start: Int, to end: Int, final: Bool,
              resume: inout Int, blockSize: Int = 1 << 22) throws -> Int {
        var capacity = blockSize
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0
        var offset = start
        var consumedOffset = start
        while true {
            if CancellationCheck.isRequested {  // a block takes milliseconds: Ctrl-C lands within one
                resume = consumedOffset
                throw CancellationError()
            }
            let got = read(into: buffer + filled, count: min(capacity - filled, end - offset), at: offset)
            offset += got
            filled += got
            let atEnd = offset >= end || got == 0
            do {
                try scanner.scan(buffer, count: filled, atEnd: atEnd && final)
            } catch {
                resume = consumedOffset + scanner.consumed
                throw error
            }
            let consumed = scanner.consumed
            consumedOffset += consumed
            filled -= consumed
            if atEnd || (scanner.detectOnly && scanner.isSettled) { return consumedOffset }
            if consumed > 0 {
                memmove(buffer, buffer + consumed, filled)
            } else if filled == capacity {
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                larger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = larger
                capacity *= 2
            }
        }
    }
}
