using KhuyenCong.TestSupport;
using Xunit;

namespace KhuyenCong.ServiceDefaults.Tests;

[CollectionDefinition(Name)]
public sealed class ServersCollection : TestServersCollection;
