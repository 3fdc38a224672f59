// Starts Blazor with its circuit on a WebSocket opened at once, without SignalR's negotiate request first: with
// several instances of the web UI behind the gateway or a Kubernetes Service, the negotiation and the socket
// could reach different instances, and the socket would be refused. The socket's instance keeps the circuit;
// the sessions and keys every instance shares let any instance start it. (transport 1: WebSockets.)
Blazor.start({
    circuit: {
        configureSignalR: builder => builder.withUrl('_blazor', { skipNegotiation: true, transport: 1 }),
    },
});
