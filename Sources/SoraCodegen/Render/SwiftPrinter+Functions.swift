/// Functions and their bodies: signatures (one parameter per line from three on, or past the line limit),
/// blocks and `switch` statements.
extension SwiftPrinter {
    mutating func printFunction(_ function: FunctionDeclaration) {
        printDoc(function.doc)
        printAttributes(function.attributes)
        indent()
        let start = output.count
        printFunctionHead(function)
        put("(")
        for (index, parameter) in function.parameters.enumerated() {
            if index > 0 { put(", ") }
            printParameter(parameter)
        }
        put(")")
        printFunctionTail(function)
        // One parameter per line from three parameters on, so adding one is a one-line diff.
        let count = function.parameters.count
        if count >= 3 || (count > 1 && isTooLong(from: start)) {
            output.removeLast(output.count - start)
            printFunctionHead(function)
            put("(")
            newline()
            indentLevel += 1
            for (index, parameter) in function.parameters.enumerated() {
                indent()
                printParameter(parameter)
                if index < count - 1 { put(",") }
                newline()
            }
            indentLevel -= 1
            indent()
            put(")")
            printFunctionTail(function)
        }
        put(" {")
        newline()
        indentLevel += 1
        printStatements(function.body)
        indentLevel -= 1
        closeBrace()
    }

    /// `modifiers func name` or `modifiers init`.
    private mutating func printFunctionHead(_ function: FunctionDeclaration) {
        modifiers(function.modifiers)
        if function.name != "init" { put("func ") }
        write(function.name)
    }

    /// ` effects -> ReturnType`.
    private mutating func printFunctionTail(_ function: FunctionDeclaration) {
        if !function.effects.isEmpty {
            put(" ")
            write(function.effects)
        }
        if let returnType = function.returnType {
            put(" -> ")
            write(returnType.description)
        }
    }

    /// True when the text from `start` on, after the current indentation, is longer than the line limit in
    /// characters (counted only when the bytes exceed it: characters never outnumber bytes).
    private func isTooLong(from start: Int) -> Bool {
        let room = Self.lineLimit - indentLevel * 4
        if output.count - start <= room { return false }
        return String(decoding: output[start...], as: UTF8.self).count > room
    }

    private mutating func printParameter(_ parameter: FunctionParameter) {
        if let label = parameter.label {
            write(label)
            put(" ")
        }
        write(parameter.name)
        put(": ")
        write(parameter.type.description)
        if let defaultValue = parameter.defaultValue {
            put(" = ")
            write(defaultValue.text)
        }
    }

    mutating func printBlock(_ header: String, _ body: [Statement]) {
        indent()
        write(header)
        put(" {")
        newline()
        indentLevel += 1
        printStatements(body)
        indentLevel -= 1
        closeBrace()
    }

    mutating func printStatements(_ statements: [Statement]) {
        for statement in statements {
            switch statement {
            case .line(let code): line(code.text)
            case .block(let header, let body):
                printBlock(header.text, body)
            case .switchBlock(let subject, let cases):
                indent()
                put("switch ")
                write(subject.text)
                put(" {")
                newline()
                for clause in cases {
                    indent()
                    write(clause.label.text)
                    if clause.body.count == 1, case .line(let code) = clause.body[0] {
                        put(": ")
                        write(code.text)
                        newline()
                    } else {
                        put(":")
                        newline()
                        indentLevel += 1
                        printStatements(clause.body)
                        indentLevel -= 1
                    }
                }
                closeBrace()
            }
        }
    }
}
