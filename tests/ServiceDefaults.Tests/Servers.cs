using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<PostgresServer>, ICollectionFixture<RabbitMqServer>
{
    public const string Name = "servers";
}
