using KhuyenCong.Training.Data;
using KhuyenCong.ServiceDefaults.Data;
using KhuyenCong.ServiceDefaults.Messaging;

namespace KhuyenCong.Training.Extensions;

public static class TrainingExtensions
{
    public static IHostApplicationBuilder AddTrainingServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TrainingDbContext>("trainingdb");
        builder.AddServiceMessaging<TrainingDbContext>();
        return builder;
    }
}
