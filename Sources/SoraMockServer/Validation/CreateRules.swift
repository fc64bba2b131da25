import Foundation

/// The create operation's rules, written from API.md independently of the generated client.
enum CreateRules {
    /// Sizes the API knows.
    static let sizes: Set<String> = ["720x1280", "1280x720", "1024x1792", "1792x1024"]
    /// Sizes that need `sora-2-pro`.
    static let hdSizes: Set<String> = ["1024x1792", "1792x1024"]
    /// Durations the mock accepts: upstream takes 4, 8, 12; relays 10, 15, …; all digit strings in this range pass.
    static let secondsRange = 1...600
    /// The longest prompt accepted, in characters (create and remix).
    static let maxPromptCharacters = 32_000

    /// The job fields of a valid form, or the first rule it breaks.
    static func validate(_ form: ParsedForm) -> Result<JobFields, MockAPIError> {
        let fields = form.fields
        guard let model = fields["model"], !model.isEmpty else { return .failure(missing("model")) }
        guard let prompt = fields["prompt"], !prompt.isEmpty else { return .failure(missing("prompt")) }
        if let error = promptError(prompt) { return .failure(error) }
        if let seconds = fields["seconds"], CheckedNumber.integer(seconds, in: secondsRange) == nil {
            return .failure(
                .invalid(
                    "seconds",
                    "'seconds' must be a string of digits within "
                        + "\(secondsRange.lowerBound)...\(secondsRange.upperBound) "
                        + "such as \"8\", got '\(CheckedNumber.excerpt(seconds))'."))
        }
        if let size = fields["size"] {
            guard sizes.contains(size) else {
                let known = sizes.sorted().joined(separator: ", ")
                return .failure(
                    .invalid("size", "'size' must be one of \(known), got '\(CheckedNumber.excerpt(size))'."))
            }
            if hdSizes.contains(size) && model != "sora-2-pro" {
                return .failure(.invalid("size", "Size \(size) is only available with model 'sora-2-pro'."))
            }
        }
        for flag in ["watermark", "private"] {
            if let value = fields[flag], value != "true" && value != "false" {
                return .failure(
                    .invalid(flag, "'\(flag)' must be 'true' or 'false', got '\(CheckedNumber.excerpt(value))'."))
            }
        }
        if let error = characterError(url: fields["character_url"], timestamps: fields["character_timestamps"]) {
            return .failure(error)
        }
        if let file = form.file, let error = imageError(file, size: fields["size"]) {
            return .failure(error)
        }
        return .success(
            JobFields(
                model: model, prompt: prompt, size: fields["size"] ?? "720x1280", seconds: fields["seconds"] ?? "4",
                isPrivate: fields["private"] == "true"))
    }

    /// The 400 for a prompt over `maxPromptCharacters`, or nil.
    static func promptError(_ prompt: String) -> MockAPIError? {
        guard prompt.count > maxPromptCharacters else { return nil }
        return .invalid(
            "prompt", "'prompt' must be at most \(maxPromptCharacters) characters, got \(prompt.count).",
            code: "string_above_max_length")
    }

    private static func missing(_ field: String) -> MockAPIError {
        .invalid(field, "Missing required parameter: '\(field)'.", code: "missing_required_parameter")
    }

    private static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `character_url` and `character_timestamps` go together; timestamps are `start,end` spanning 1…3 seconds.
    static func characterError(url: String?, timestamps: String?) -> MockAPIError? {
        switch (url, timestamps) {
        case (nil, nil): return nil
        case (_?, nil):
            return .invalid(
                "character_timestamps", "'character_timestamps' is required when 'character_url' is given.",
                code: "missing_required_parameter")
        case (nil, _?):
            return .invalid(
                "character_url", "'character_url' is required when 'character_timestamps' is given.",
                code: "missing_required_parameter")
        case (let url?, let timestamps?):
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host != nil
            else {
                return .invalid(
                    "character_url", "'character_url' must be an http(s) URL, got '\(CheckedNumber.excerpt(url))'.")
            }
            let parts = timestamps.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2, let start = decimal(parts[0]), let end = decimal(parts[1]) else {
                return .invalid(
                    "character_timestamps",
                    "'character_timestamps' must be '{start},{end}' in seconds, e.g. '1.5,3.5', "
                        + "got '\(CheckedNumber.excerpt(timestamps))'."
                )
            }
            let span = end - start
            guard span >= 1 && span <= 3 else {
                return .invalid(
                    "character_timestamps",
                    "'character_timestamps' end - start must be within 1...3 seconds, got \(span).")
            }
            return nil
        }
    }

    /// Digits with an optional fraction (`1`, `1.5`); nothing else.
    private static func decimal(_ text: Substring) -> Double? {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), pieces.allSatisfy({ isDigits(String($0)) }) else { return nil }
        return Double(text)
    }

    private static func imageError(_ file: ParsedForm.FilePart, size: String?) -> MockAPIError? {
        guard let image = ImageSize.read(file.head) else {
            return .invalid(
                "input_reference", "'input_reference' must be a PNG, JPEG or WebP image.",
                code: "invalid_image_format")
        }
        guard let size else { return nil }
        guard let width = image.width, let height = image.height else {
            return .invalid(
                "input_reference", "The pixel size of 'input_reference' could not be read.",
                code: "invalid_image_format")
        }
        guard "\(width)x\(height)" == size else {
            return .invalid(
                "input_reference",
                "Inpaint image must match the requested width and height: got \(width)x\(height), expected \(size).",
                code: "invalid_image_size")
        }
        return nil
    }
}
