import SoraClient
import Testing

@testable import sora

extension CLITests {
    /// Client errors become one line and one exit status, in one place.
    @Suite struct ErrorLineTests {
        @Test func theHDSizeRuleNamesTheSizeAndTheFlag() {
            let request = CreateVideoRequest(model: .sora2, prompt: "x", size: .landscapeHD)
            let error = #expect(throws: CLIFailure.self) { try CreateCommand.check(request, inputReference: nil) }
            #expect(error?.message == "size 1792x1024 needs --model sora-2-pro")
            #expect(error?.status == .usage)
        }

        @Test func everyIssueIsOnTheSameLine() {
            let request = CreateVideoRequest(model: .sora2, prompt: "", seconds: "4s", size: .portraitHD)
            let error = #expect(throws: CLIFailure.self) { try CreateCommand.check(request, inputReference: nil) }
            let message = error?.message ?? ""
            #expect(!message.contains("\n"))
            #expect(
                message.contains("--prompt:") && message.contains("--seconds:") && message.contains("needs --model"))
        }

        @Test func apiErrorsKeepTheServersMessageAndRequestID() {
            let api = SoraAPIError(
                operationID: "createVideo", status: 400, message: "bad size", type: "invalid_request_error",
                code: "invalid_value", param: "size", requestID: "req_1")
            #expect(ErrorLine.message(.api(api)) == "HTTP 400 invalid_value (field size): bad size [request id req_1]")
        }

        @Test(arguments: [
            (SoraError.validation(.init(typeName: "x", issues: [])), sora.ExitStatus.usage),
            (.invalidRequest("x"), .usage),
            (.api(.init(operationID: "x", status: 500, message: "m")), .failure),
            (.decoding(.init(operationID: "x", message: "m", bodyExcerpt: "")), .failure),
            (.transport(operationID: "x", message: "refused"), .network),
            (.timeout(operationID: "x", seconds: 1, kind: .idle), .network),
            (.cancelled(operationID: "x"), .interrupted),
        ])
        func exitStatuses(_ error: SoraError, _ status: sora.ExitStatus) {
            #expect(sora.ExitStatus(error) == status)
        }

        @Test func networkFailuresWhileFollowingAJobNameHowToResume() {
            let message = ErrorLine.message(
                .transport(operationID: "retrieveVideo", message: "reset"), jobID: "video_9")
            #expect(message == "network error: reset; resume with: sora wait video_9")
        }

        @Test func timeoutsNameTheLimitAndTheFlagThatSetsIt() {
            let idle = ErrorLine.message(.timeout(operationID: "listVideos", seconds: 0.5, kind: .idle))
            #expect(idle == "no data moved for 0.5 s (raise --timeout)")
            let connect = ErrorLine.message(.timeout(operationID: "listVideos", seconds: 10, kind: .connect))
            #expect(connect == "no connection within 10 s (raise --connect-timeout)")
            let deadline = ErrorLine.message(.timeout(operationID: "listVideos", seconds: 30, kind: .deadline))
            #expect(deadline == "not finished within the 30 s --deadline")
            let following = ErrorLine.message(
                .timeout(operationID: "waitForCompletion", seconds: 900, kind: .polling), jobID: "video_1")
            #expect(
                following
                    == "the job did not finish within 900 s of polling (raise --wait-timeout); resume with: sora wait video_1"
            )
        }
    }
}
