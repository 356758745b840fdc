using Microsoft.Extensions.DependencyInjection;

namespace Masq.Node.PortMapping;

/// <summary>Serves what the start-up step found, and keeps its mapping alive until the Node stops.</summary>
internal static class PortMappingComposition
{
    public static IServiceCollection AddPortMapping(this IServiceCollection services, PortMappingStatus status)
    {
        services.AddSingleton(status);
        services.AddHostedService<PortMappingKeeper>();
        return services;
    }
}
