using KhuyenCong.Deploy;

// ./kc deploy systemd <folder> [--public-url URL] [--install-root DIR] [--config-root DIR] [--dotnet PATH]
if (args.Length < 2 || args[0] != "systemd")
{
    Console.Error.WriteLine("usage: deploy systemd <folder> [--public-url https://host/] [--install-root /opt/khuyencong] [--config-root /etc/khuyencong] [--dotnet /usr/bin/dotnet]");
    return 2;
}

var server = new SingleServer();
for (var i = 2; i + 1 < args.Length; i += 2)
{
    server = args[i] switch
    {
        "--public-url" => server with { PublicUrl = new Uri(args[i + 1].TrimEnd('/') + "/") },
        "--install-root" => server with { InstallRoot = args[i + 1].TrimEnd('/') },
        "--config-root" => server with { ConfigRoot = args[i + 1].TrimEnd('/') },
        "--dotnet" => server with { Dotnet = args[i + 1] },
        _ => throw new ArgumentException($"Unknown option {args[i]}."),
    };
}

foreach (var path in SystemdUnits.WriteTo(args[1], server))
{
    Console.WriteLine(path);
}
return 0;
