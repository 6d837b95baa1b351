// swift-tools-version:6.2
import PackageDescription

/// Settings every FlashCast Swift target shares: Swift 6 mode and no warnings.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

// MARK: - Foundation: Lua, libedit, the bridge, the REPL, the command

let foundationTargets: [Target] = [
    .systemLibrary(
        name: "CLua", path: "Sources/CLua", pkgConfig: "lua5.4",
        providers: [.apt(["liblua5.4-dev"])]),
    .target(name: "LuaShim", dependencies: ["CLua"], path: "Sources/LuaShim"),
    .systemLibrary(
        name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
        providers: [.apt(["libedit-dev"])]),
    .target(name: "EditLineShim", dependencies: ["CEditLine"], path: "Sources/EditLineShim"),
    .target(
        name: "LuaBridge", dependencies: ["LuaShim"], exclude: ["README.md"], swiftSettings: strict, linkerSettings: [.linkedLibrary("m")]),
    .target(name: "FlashREPL", dependencies: ["LuaBridge", "EditLineShim"], swiftSettings: strict),
    .executableTarget(
        name: "FlashCastCLI",
        dependencies: [
            "LuaBridge", "FlashREPL", "FlashLua", "SaleData",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: strict),
    .target(name: "TestSupport", dependencies: ["LuaBridge"], path: "Tests/TestSupport", swiftSettings: strict),
    .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "TestSupport"], swiftSettings: strict),
    .testTarget(name: "FlashREPLTests", dependencies: ["FlashREPL", "TestSupport"], swiftSettings: strict),
    .testTarget(name: "FlashCastCLITests", dependencies: ["TestSupport"], swiftSettings: strict),
    .executableTarget(
        name: "BenchBridge", dependencies: ["LuaBridge"], path: "Benchmarks/BenchBridge", exclude: ["README.md"],
        swiftSettings: strict),
]

// MARK: - Lua libraries exposing the domain modules

let luaLibraryTargets: [Target] = [
    .target(name: "FlashLua", dependencies: ["LuaBridge", "SaleData", "SVGCharts"], swiftSettings: strict),
    .testTarget(
        name: "FlashLuaTests", dependencies: ["FlashLua", "SaleData", "SVGCharts", "TestSupport"],
        swiftSettings: strict),
]

// MARK: - Orders and series

let orderTargets: [Target] = [
    .target(name: "SaleData", swiftSettings: strict),
    .testTarget(name: "SaleDataTests", dependencies: ["SaleData"], swiftSettings: strict),
    .executableTarget(
        name: "BenchAggregate", dependencies: ["SaleData"], path: "Benchmarks/BenchAggregate",
        exclude: ["README.md", "polars_aggregate.py", "setup_polars.sh"], swiftSettings: strict),
]

// MARK: - Neural network

let networkTargets: [Target] = []

// MARK: - Charts

let chartTargets: [Target] = [
    .target(name: "SVGCharts", exclude: ["README.md"], swiftSettings: strict),
    .testTarget(
        name: "SVGChartsTests", dependencies: ["SVGCharts"], exclude: ["Golden"],
        swiftSettings: strict),
]

// MARK: - Forecasting

let forecastTargets: [Target] = []

// MARK: - Scenarios

let scenarioTargets: [Target] = []

let package = Package(
    name: "FlashCast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "flashcast", targets: ["FlashCastCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: foundationTargets + luaLibraryTargets + orderTargets + networkTargets + chartTargets
        + forecastTargets + scenarioTargets,
    swiftLanguageModes: [.v6]
)
