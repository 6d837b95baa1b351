import SafeOutput
import Testing

@Suite struct PrintableTextTests {
    @Test(arguments: [
        ("orders.csv", "orders.csv"), ("a\0b", "a\\0b"), ("line\nbreak", "line\\nbreak"), ("a\r\n", "a\\r\\n"),
        ("tab\tbed", "tab\\tbed"), ("\u{1B}[31mred", "\\27[31mred"), ("del\u{7F}", "del\\127"), ("Zürich €", "Zürich €"),
    ])
    func controlCharactersAreWrittenAsLuaEscapes(text: String, shown: String) {
        #expect(PrintableText.escaped(text) == shown)
    }
}
