import SoraClient

// Describe the video: the model, the prompt, its length and its size.
var request = CreateVideoRequest(model: .sora2, prompt: "A lighthouse at dusk, waves below")
request.seconds = "4"  // a string, as the API wants
request.size = .landscape  // 1280x720

// Check the spec's rules now, before anything is sent.
try request.validate()
print("the request is valid")
