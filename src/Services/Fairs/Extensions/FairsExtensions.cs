using KhuyenCong.Fairs.Data;
using KhuyenCong.ServiceDefaults.Data;
using KhuyenCong.ServiceDefaults.Messaging;

namespace KhuyenCong.Fairs.Extensions;

public static class FairsExtensions
{
    public static IHostApplicationBuilder AddFairsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FairsDbContext>("fairsdb");
        builder.AddServiceMessaging<FairsDbContext>();
        return builder;
    }
}
