// The OpenAPIRuntime names that an app using a client writes itself: the transport it passes to the client's
// initializer, middleware it may wrap that transport in, and the body type of a streamed download. The rest of
// OpenAPIRuntime stays an implementation detail of this module.
@_exported import protocol OpenAPIRuntime.ClientMiddleware
@_exported import protocol OpenAPIRuntime.ClientTransport
@_exported import class OpenAPIRuntime.HTTPBody
