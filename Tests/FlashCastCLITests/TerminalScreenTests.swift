import Testing

@Suite struct TerminalScreenTests {
    @Test(arguments: [
        ("> ab\r\nxy", "> ab\nxy"),
        ("> string.fo\u{7}\r> string.format", "> string.format"),
        ("> abc\u{8}\u{8}X", "> aXc"),
        ("> abcdef\u{1B}[4G\u{1B}[K!", "> a!"),
        ("> x\u{1B}[2Cy\u{1B}[1Dz", "> x  z"),
        ("\u{1B}[?2004h> é", "> é"),
    ])
    func rendersWhatATerminalShows(output: String, screen: String) {
        #expect(TerminalScreen(Array(output.utf8)).text == screen)
    }
}
