using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace KhuyenCong.TestSupport;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a real server that a test can close (refusing and cutting
/// every connection, as if the server were down) and open again on the same port.
/// </summary>
public sealed class TcpGate(string targetHost, int targetPort) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;

    public int Port { get; private set; }

    public void Open()
    {
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _stop = new CancellationTokenSource();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Close()
    {
        _stop?.Cancel();
        _listener?.Stop();
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }
        _connections.Clear();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception)
            {
                return;
            }
            _ = RelayAsync(client, cancellationToken);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var server = new TcpClient();
        _connections[client] = 0;
        _connections[server] = 0;
        try
        {
            await server.ConnectAsync(targetHost, targetPort, cancellationToken);
            var clientStream = client.GetStream();
            var serverStream = server.GetStream();
            await Task.WhenAny(clientStream.CopyToAsync(serverStream, cancellationToken), serverStream.CopyToAsync(clientStream, cancellationToken));
        }
        catch (Exception)
        {
            // A closed gate or a peer hanging up ends the relay; that is the point of the gate.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            _connections.TryRemove(server, out _);
            client.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }
}
