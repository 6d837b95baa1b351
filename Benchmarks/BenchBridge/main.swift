// Run: swift run -c release BenchBridge   (README.md beside this file has the figures)
BridgeBenchmark.run()
