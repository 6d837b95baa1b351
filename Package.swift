// swift-tools-version:6.2
import PackageDescription

/// Settings every FlashCast Swift target shares: Swift 6 mode and no warnings.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

// MARK: - Foundation: Lua, libedit, the bridge, the REPL, the command

let foundationTargets: [Target] = [
    .systemLibrary(
        name: "CLua", path: "Sources/CLua", pkgConfig: "lua5.4",
        providers: [.apt(["liblua5.4-dev"])]),
    .target(name: "OutputShim", path: "Sources/OutputShim"),
    .target(name: "SafeOutput", dependencies: ["OutputShim"], exclude: ["README.md"], swiftSettings: strict),
    .testTarget(name: "SafeOutputTests", dependencies: ["SafeOutput", "TemporaryFolders"], swiftSettings: strict),
    .target(name: "LuaShim", dependencies: ["CLua", "OutputShim"], path: "Sources/LuaShim"),
    .systemLibrary(
        name: "CEditLine", path: "Sources/CEditLine", pkgConfig: "libedit",
        providers: [.apt(["libedit-dev"])]),
    .target(name: "EditLineShim", dependencies: ["CEditLine"], path: "Sources/EditLineShim"),
    .target(
        name: "LuaBridge", dependencies: ["LuaShim", "SafeOutput"], exclude: ["README.md"], swiftSettings: strict, linkerSettings: [.linkedLibrary("m")]),
    .target(name: "FlashREPL", dependencies: ["LuaBridge", "EditLineShim", "SafeOutput"], exclude: ["README.md"], swiftSettings: strict),
    .executableTarget(
        name: "FlashCastCLI",
        dependencies: [
            "LuaBridge", "FlashREPL", "FlashLua", "SaleReports", "SaleData", "OrderSources", "Forecasting", "SVGCharts", "Scenarios",
            "NumberText",
            "SafeOutput", "Cancellation", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        exclude: ["README.md"], swiftSettings: strict,
        // The release program carries the Swift runtime: no shared Swift libraries to find and bind at each start.
        // (FoundationEssentials' static library needs its two helpers named; lld, unlike gold, does not
        // warn about the mktemp the library references.)
        linkerSettings: [
            .unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(platforms: [.linux], configuration: .release)),
            .linkedLibrary("_FoundationCollections", .when(platforms: [.linux], configuration: .release)),
            .linkedLibrary("_FoundationCShims", .when(platforms: [.linux], configuration: .release)),
        ]),
    .target(name: "TestSupport", dependencies: ["LuaBridge"], path: "Tests/TestSupport", swiftSettings: strict),
    .target(name: "TemporaryFolders", path: "Tests/TemporaryFolders", swiftSettings: strict),
    .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "TestSupport", "TemporaryFolders"], swiftSettings: strict),
    .testTarget(name: "FlashREPLTests", dependencies: ["FlashREPL", "FlashLua", "NeuralNet", "TestSupport"], swiftSettings: strict),
    .testTarget(
        name: "FlashCastCLITests", dependencies: ["TestSupport", "TemporaryFolders", "OrderSources", "SaleData", "SafeOutput", "NumberText", "Forecasting"], swiftSettings: strict),
    .executableTarget(
        name: "FuzzLuaAPI", dependencies: ["FlashLua", "LuaBridge", "NeuralNet", .product(name: "ArgumentParser", package: "swift-argument-parser")],
        path: "Fuzz/LuaAPI", exclude: ["README.md"], swiftSettings: strict),
    .executableTarget(
        name: "BenchBridge", dependencies: ["LuaBridge"], path: "Benchmarks/BenchBridge", exclude: ["README.md", "startup.py"],
        swiftSettings: strict),
]

// MARK: - Lua libraries exposing the domain modules

let luaLibraryTargets: [Target] = [
    .target(
        name: "FlashLua",
        dependencies: [
            "LuaBridge", "SaleReports", "SaleData", "SVGCharts", "NeuralNet", "OrderSources", "Forecasting", "Scenarios", "Cancellation",
            "SafeOutput",
            "NumberText",
        ],
        exclude: ["README.md"], swiftSettings: strict),
    .testTarget(
        name: "FlashLuaTests",
        dependencies: ["FlashLua", "SaleReports", "SaleData", "SVGCharts", "NeuralNet", "OrderSources", "Forecasting", "Scenarios", "TestSupport",
                       "TemporaryFolders"],
        swiftSettings: strict),
]

// MARK: - Units both orders and charts speak: the wall clock and numbers as text

let unitTargets: [Target] = [
    .target(name: "WallClock", exclude: ["README.md"], swiftSettings: strict),
    .testTarget(name: "WallClockTests", dependencies: ["WallClock"], swiftSettings: strict),
    .target(name: "NumberText", exclude: ["README.md"], swiftSettings: strict),
    .testTarget(name: "NumberTextTests", dependencies: ["NumberText"], swiftSettings: strict),
]

// MARK: - Live sales, reports and chart data: the Lua-free logic FlashLua and the CLI share

let reportTargets: [Target] = [
    .target(
        name: "SaleReports", dependencies: ["SaleData", "OrderSources", "Forecasting", "Scenarios", "SVGCharts", "SafeOutput", "NumberText"],
        exclude: ["README.md"], swiftSettings: strict),
    .testTarget(
        name: "SaleReportsTests", dependencies: ["SaleReports", "SaleData", "Forecasting", "SVGCharts", "TemporaryFolders"],
        exclude: ["Golden"], swiftSettings: strict),
]

// MARK: - Orders and series

let orderTargets: [Target] = [
    .target(name: "Cancellation", swiftSettings: strict),
    .target(name: "SaleData", dependencies: ["Cancellation", "SafeOutput", "WallClock", "NumberText"], exclude: ["README.md"], swiftSettings: strict),
    .testTarget(name: "SaleDataTests", dependencies: ["SaleData", "TemporaryFolders", "Cancellation"], swiftSettings: strict),
    .executableTarget(
        name: "BenchAggregate", dependencies: ["SaleData"], path: "Benchmarks/BenchAggregate",
        exclude: ["README.md", "polars_aggregate.py", "setup_polars.sh"], swiftSettings: strict),
]

// MARK: - Neural network

/// NeuralNet's kernels use fused multiply-add; on x86-64 they are compiled for AVX2 and FMA
/// (Haswell's level: every x86-64 server since 2015 and CI's Zen 4), so vectors are 256-bit.
/// Without errno, `squareRoot()` on vectors becomes one instruction instead of a call per lane.
#if arch(x86_64)
let networkCPU: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell", "-Xcc", "-fno-math-errno"])]
#else
let networkCPU: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-fno-math-errno"])]
#endif

let networkTargets: [Target] = [
    .target(name: "NeuralNet", dependencies: ["Cancellation", "SafeOutput"], exclude: ["README.md"], swiftSettings: strict + networkCPU),
    .testTarget(
        name: "NeuralNetTests", dependencies: ["NeuralNet", "TemporaryFolders", "Cancellation"], exclude: ["Fixtures"],
        swiftSettings: strict + networkCPU),
    .executableTarget(
        name: "BenchNN", dependencies: ["NeuralNet"], path: "Benchmarks/BenchNN",
        exclude: ["README.md", "compare.sh", "peers.py", "paper_fit.lua", "sklearn_peer.py"], swiftSettings: strict + networkCPU),
]

// MARK: - Charts

let chartTargets: [Target] = [
    .target(name: "SVGCharts", dependencies: ["Cancellation", "SafeOutput", "WallClock", "NumberText"], exclude: ["README.md"], swiftSettings: strict),
    .testTarget(
        name: "SVGChartsTests", dependencies: ["SVGCharts", "WallClock", "TemporaryFolders", "Cancellation"], exclude: ["Golden"],
        swiftSettings: strict),
]

// MARK: - Forecasting

let forecastTargets: [Target] = [
    .target(name: "Forecasting", dependencies: ["SaleData", "NeuralNet", "Cancellation", "NumberText"], exclude: ["README.md"], swiftSettings: strict),
    .testTarget(name: "ForecastingTests", dependencies: ["Forecasting", "SaleData", "NeuralNet", "Cancellation"], swiftSettings: strict),
    .executableTarget(
        name: "BenchForecast", dependencies: ["Forecasting", "SaleData", "NumberText", "Cancellation"], path: "Benchmarks/BenchForecast",
        exclude: ["README.md", "peers.py", "setup_peers.sh", "levels_speed.lua", "losses.py"], swiftSettings: strict),
    .executableTarget(
        name: "BenchManySeries", dependencies: ["SaleData", "NumberText", "SafeOutput"], path: "Benchmarks/BenchManySeries",
        exclude: ["README.md", "statsforecast_skus.py", "live_replay.sh"], swiftSettings: strict),
]

// MARK: - Scenarios

let scenarioTargets: [Target] = [
    .target(name: "Scenarios", dependencies: ["SaleData", "Forecasting", "Cancellation", "NumberText"], exclude: ["README.md"], swiftSettings: strict),
    .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "SaleData", "Forecasting"], swiftSettings: strict),
    .executableTarget(
        name: "BenchGroups", dependencies: ["Forecasting", "SaleData"], path: "Benchmarks/BenchGroups",
        exclude: ["README.md"], swiftSettings: strict),
    .executableTarget(
        name: "BenchScenario", dependencies: ["Scenarios", "Forecasting", "SaleData"], path: "Benchmarks/BenchScenario",
        exclude: ["README.md"], swiftSettings: strict),
]

// MARK: - Database sources

let databaseTargets: [Target] = [
    // libpq is loaded with dlopen at the first PostgreSQL connection (see Sources/CLibPQ), not at start-up.
    .target(name: "CLibraryLoader", path: "Sources/CLibraryLoader", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
    .target(name: "CLibPQ", dependencies: ["CLibraryLoader"], path: "Sources/CLibPQ"),
    // libsqlite3 likewise, at the first database file opened (see Sources/CSQLite); its header is libsqlite3-dev's.
    .target(name: "CSQLite", dependencies: ["CLibraryLoader"], path: "Sources/CSQLite"),
    .target(
        name: "OrderSources", dependencies: ["SaleData", "CLibPQ", "CSQLite", "Cancellation"], exclude: ["README.md"],
        swiftSettings: strict),
    .testTarget(
        name: "OrderSourcesTests", dependencies: ["OrderSources", "SaleData", "TemporaryFolders", "NumberText", "Cancellation", "TestSupport"], swiftSettings: strict),
    .executableTarget(
        name: "BenchDB", dependencies: ["OrderSources", "SaleData", "NumberText"], path: "Benchmarks/BenchDB",
        exclude: ["README.md"], swiftSettings: strict),
]

let package = Package(
    name: "FlashCast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "flashcast", targets: ["FlashCastCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: foundationTargets + luaLibraryTargets + unitTargets + reportTargets + orderTargets + networkTargets + chartTargets
        + forecastTargets + scenarioTargets + databaseTargets,
    swiftLanguageModes: [.v6]
)
