using KhuyenCong.Platform.Data;
using KhuyenCong.Platform.Documents;
using KhuyenCong.Platform.Messaging;
using KhuyenCong.Training.Consumers;
using KhuyenCong.Training.Data;

namespace KhuyenCong.Training.Extensions;

public static class TrainingExtensions
{
    public static IHostApplicationBuilder AddTrainingServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrainingOptions>()
            .Bind(builder.Configuration.GetSection(TrainingOptions.SectionName))
            .Validate(o => o.MinimumAttendance is > 0m and <= 1m, "Training:MinimumAttendance must be a share above 0 and at most 1 (0.8 = 80 %).")
            .ValidateOnStart();
        builder.AddPlatformAuthentication();
        builder.AddServiceDatabase<TrainingDbContext>("trainingdb");
        builder.AddAttachments("trainingdb");
        builder.AddServiceMessaging<TrainingDbContext>(bus =>
        {
            bus.AddConsumer<ProposalApprovedConsumer>();
            bus.AddConsumer<EstablishmentRegisteredConsumer>();
            bus.AddConsumer<EstablishmentUpdatedConsumer>();
        });
        return builder;
    }
}
