import LuaBridge

/// The `Event` userdata: `e.kind` ('email', 'push', 'discount', 'outage'), `e.name`, `tostring(e)`.
enum EventClass {
    static let luaClass = LuaClass<EventObject>(
        summary: """
            A planned event (scenario.email, push, discount, outage) whose times are read against a \
            forecast's cutoff when it is applied. Fields: kind, name.
            """,
        methods: [],
        describe: { (event: EventObject) -> String in event.description },
        fields: [
            "kind": { call, event in
                switch event.kind {
                case .campaign(let channel, _, _): call.push(channel == "e-mail" ? "email" : channel)
                case .discount: call.push("discount")
                case .outage: call.push("outage")
                }
                return 1
            },
            "name": { call, event in call.push(event.name()); return 1 },
        ])
}
