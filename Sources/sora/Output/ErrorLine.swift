import Foundation
import SoraClient

/// Turns errors into the one line a person reads on stderr.
enum ErrorLine {
    /// Writes `sora: error: MESSAGE` to stderr.
    static func print(_ message: String) {
        FileHandle.standardError.write(Data("sora: error: \(PlainText.escaped(message))\n".utf8))
    }

    /// How validation issues name what to fix: the command's flags, or a batch line's JSON fields.
    enum Naming {
        case flags
        case jsonFields
    }

    /// The failure for a client error; `request` explains validation issues in terms of flags (or of fields).
    static func failure(
        _ error: any Error, request: CreateVideoRequest? = nil, jobID: String? = nil, naming: Naming = .flags
    ) -> CLIFailure {
        if let failure = error as? CLIFailure { return failure }
        guard let error = error as? SoraError else { return CLIFailure(message: "\(error)", status: .failure) }
        return CLIFailure(
            message: message(error, request: request, jobID: jobID, naming: naming), status: ExitStatus(error))
    }

    /// The message for a client error.
    static func message(
        _ error: SoraError, request: CreateVideoRequest? = nil, jobID: String? = nil, naming: Naming = .flags
    ) -> String {
        switch error {
        case .validation(let validation):
            return validation.issues.map { message($0, request: request, naming: naming) }.joined(separator: "; ")
        case .invalidRequest(let text):
            return text
        case .api(let api):
            var text = "HTTP \(api.status)"
            if let code = api.code ?? api.type { text += " \(code)" }
            if let param = api.param { text += " (field \(param))" }
            text += ": \(api.message)"
            if let requestID = api.requestID { text += " [request id \(requestID)]" }
            return text
        case .transport(_, let text):
            return "network error: \(text)" + resumeHint(jobID)
        case .timeout(_, let seconds, let kind):
            let amount = String(format: "%g", seconds)
            let text: String
            switch kind {
            case .connect: text = "no connection within \(amount) s (raise --connect-timeout)"
            case .idle: text = "no data moved for \(amount) s (raise --timeout)"
            case .deadline: text = "not finished within the \(amount) s --deadline"
            // Polling's own limit, which --timeout does not set.
            case .polling: text = "the job did not finish within \(amount) s of polling (raise --wait-timeout)"
            }
            return text + resumeHint(jobID)
        case .cancelled:
            return "interrupted" + resumeHint(jobID)
        case .decoding(let failure):
            var text = "unexpected answer from the server: \(failure.message)"
            if let id = failure.resourceID { text += " (id \(id))" }
            return text
        }
    }

    /// One validation issue in terms of the command's flags, e.g. `size 1792x1024 needs --model sora-2-pro`, or of
    /// a batch line's fields, e.g. `size 1792x1024 needs "model": "sora-2-pro"`.
    static func message(_ issue: ValidationIssue, request: CreateVideoRequest?, naming: Naming = .flags) -> String {
        let name = { (field: String) in
            naming == .flags ? "--" + field.replacingOccurrences(of: "_", with: "-") : "\"\(field)\""
        }
        if issue.field == "model", issue.rule == "if/then", let size = request?.size {
            return "size \(size.rawValue) needs "
                + (naming == .flags ? "--model sora-2-pro" : "\"model\": \"sora-2-pro\"")
        }
        switch issue.rule {
        case "dependentRequired":
            let other = issue.field == "character_url" ? "character_timestamps" : "character_url"
            return "\(name(issue.field)) is required with \(name(other))"
        default:
            return "\(name(issue.field)): \(issue.message)"
        }
    }

    /// `; resume with: sora wait ID` when a job id is known.
    static func resumeHint(_ jobID: String?) -> String {
        guard let jobID else { return "" }
        return "; resume with: sora wait \(jobID)"
    }
}
