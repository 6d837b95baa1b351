import LuaBridge

/// The `scenario` library: planned events, effects learned from past sales, what-if forecasts.
enum ScenarioLibrary {
    static let library = LuaLibrary(
        name: "scenario", summary: "What-if scenarios: e-mail campaigns, discounts, outages, learned campaign effects.",
        functions: [ScenarioEvents.email, ScenarioEvents.push, ScenarioEvents.discount, ScenarioEvents.outage,
                    ScenarioLearning.learn, ScenarioWhatIf.whatif, ScenarioWhatIf.latestSend],
        classes: [EventClass.luaClass, EffectClass.luaClass, WhatIfClass.luaClass], shapes: ScenarioShapes.all)
}
