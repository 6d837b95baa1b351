import LuaBridge

extension ArgsLibrary {
    static let output = LuaLibraryFunction(
        "output", "args.output() -> path | nil",
        """
        The --output folder of a sandboxed run (the one folder it may write to), or nil outside the \
        sandbox; scripts default their own output option to it, so a scheduled run needs --output only: \
        {"out", args.output() or "out", "output folder"}.
        """
    ) { call in
        call.push(call.fileAccess?.outputFolder)
        return 1
    }
}
