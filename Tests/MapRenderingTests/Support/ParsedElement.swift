import Foundation
import FoundationXML

/// An XML document parsed with Foundation's `XMLParser` into a tree, so tests can ask for the
/// elements a renderer wrote. Parsing fails on anything not well-formed.
final class ParsedElement {
    let name: String
    let attributes: [String: String]
    var children: [ParsedElement] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This element and every element under it, in document order.
    var all: [ParsedElement] { [self] + children.flatMap(\.all) }

    func elements(named name: String) -> [ParsedElement] { all.filter { $0.name == name } }

    /// The text of this element and its descendants.
    var allText: String { text + children.map(\.allText).joined() }

    struct ParseFailure: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ document: String) throws -> ParsedElement {
        let builder = Builder()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseFailure(
                description: "line \(parser.lineNumber) column \(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: ParsedElement?
        var stack: [ParsedElement] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = ParsedElement(name: name, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
