/// Writes the orders of a sale broken down by SKU (see SKUSale and README.md), the input of the
/// many-series benchmark: `BenchManySeries -o skus.csv [--skus 1000] [--orders 200000] [--seed 1]`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
guard let path = option("-o") else {
    print("usage: BenchManySeries -o skus.csv [--skus 1000] [--orders 200000] [--seed 1]")
    exit(2)
}
var sale = SKUSale()
sale.skus = option("--skus").flatMap { Int($0) }.map { max($0, 1) } ?? sale.skus
sale.orders = option("--orders").flatMap { Double($0) } ?? sale.orders
sale.seed = option("--seed").flatMap { UInt64($0) } ?? sale.seed
let written = try sale.write(to: path)
print("wrote \(path): \(written) orders of \(sale.skus) SKUs")
