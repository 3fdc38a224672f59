using Aspire.Hosting.ApplicationModel;

namespace KhuyenCong.AppHost.Supervision;

/// <summary>Marks a resource the <see cref="ServiceSupervisor"/> keeps running; it answers <see cref="LivenessPath"/> over its <c>http</c> endpoint.</summary>
public sealed class SupervisedAnnotation(string livenessPath) : IResourceAnnotation
{
    public string LivenessPath { get; } = livenessPath;
}
