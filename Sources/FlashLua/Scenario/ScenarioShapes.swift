import LuaBridge

/// The tables the scenario library and its classes return, declared for the REPL's completion
/// (`w[1].mean:`, `w.baseline.bands[0.8].lower:`, `scenario.latest_send(fc, {...}).`).
enum ScenarioShapes {
    /// A scenario or the baseline of a WhatIf.
    static let outcome = LuaShape("ScenarioOutcome", fields: [
        "name": "string", "mean": "Series", "lower": "Series", "upper": "Series", "bands": "Bands", "rate": "Series",
        "total": "number", "gain": "number", "total_by": "number", "gain_by": "number", "reaches": "string",
    ])
    /// `scenario.latest_send`: when to send at the latest.
    static let latestSend = LuaShape("LatestSend", fields: [
        "status": "string", "time": "string", "total": "number", "best_time": "string", "best_total": "number",
    ])
    static let all = [outcome, latestSend]
}
