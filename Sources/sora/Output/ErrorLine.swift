import Foundation
import SoraClient

/// Turns errors into the one line a person reads on stderr.
enum ErrorLine {
    /// Writes `sora: error: MESSAGE` to stderr.
    static func print(_ message: String) {
        FileHandle.standardError.write(Data("sora: error: \(message)\n".utf8))
    }

    /// The failure for a client error; `request` explains validation issues in terms of flags.
    static func failure(_ error: any Error, request: CreateVideoRequest? = nil, jobID: String? = nil) -> CLIFailure {
        if let failure = error as? CLIFailure { return failure }
        guard let error = error as? SoraError else { return CLIFailure(message: "\(error)", status: .failure) }
        return CLIFailure(message: message(error, request: request, jobID: jobID), status: ExitStatus(error))
    }

    /// The message for a client error.
    static func message(_ error: SoraError, request: CreateVideoRequest? = nil, jobID: String? = nil) -> String {
        switch error {
        case .validation(let validation):
            return validation.issues.map { message($0, request: request) }.joined(separator: "; ")
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
        case .timeout(_, let seconds):
            // While following a job the polling's own deadline may be what ran out, which --timeout does not set.
            let advice = jobID == nil ? " (raise --timeout)" : ""
            return "timed out after \(String(format: "%g", seconds)) s\(advice)" + resumeHint(jobID)
        case .cancelled:
            return "interrupted" + resumeHint(jobID)
        case .decoding(_, let text, _):
            return "unexpected answer from the server: \(text)"
        }
    }

    /// One validation issue in terms of the command's flags, e.g. `size 1792x1024 needs --model sora-2-pro`.
    static func message(_ issue: ValidationIssue, request: CreateVideoRequest?) -> String {
        if issue.field == "model", issue.rule == "if/then", let size = request?.size {
            return "size \(size.rawValue) needs --model sora-2-pro"
        }
        let flag = "--" + issue.field.replacingOccurrences(of: "_", with: "-")
        switch issue.rule {
        case "dependentRequired":
            let other = issue.field == "character_url" ? "--character-timestamps" : "--character-url"
            return "\(flag) is required with \(other)"
        default:
            return "\(flag): \(issue.message)"
        }
    }

    /// `; resume with: sora wait ID` when a job id is known.
    static func resumeHint(_ jobID: String?) -> String {
        guard let jobID else { return "" }
        return "; resume with: sora wait \(jobID)"
    }
}
