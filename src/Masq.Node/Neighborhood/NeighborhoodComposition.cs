using Masq.Lib.Configuration;
using Masq.Node.Actors;
using Masq.Node.Hopper;
using Masq.Node.Routing;
using Masq.Node.Ui;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Masq.Node.Neighborhood;

/// <summary>
/// Wires the Neighborhood (issue 4) ahead of the data path, whose seams it fills: outside zero-hop mode the
/// ProxyServer's routes and the Hopper's gossip go to the <see cref="NeighborhoodActor"/>, and the clandestine links
/// find Nodes through the <see cref="NodeDirectory"/> it keeps. A zero-hop Node keeps the data path's [self, self]
/// routes; its Neighborhood still answers the UI and saves given neighbors as past neighbors.
/// </summary>
internal static class NeighborhoodComposition
{
    public static IServiceCollection AddMasqNeighborhood(this IServiceCollection services, NeighborhoodMode mode)
    {
        services.TryAddSingleton<GossipTraffic>();
        services.AddSingleton<NeighborhoodActor>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<NeighborhoodActor>());
        services.AddSingleton<IUiRequestHandler>(sp => sp.GetRequiredService<NeighborhoodActor>());
        services.AddSingleton<ICrashable>(sp => sp.GetRequiredService<NeighborhoodActor>());
        services.TryAddSingleton(sp => new Lazy<NeighborhoodActor>(sp.GetRequiredService<NeighborhoodActor>));
        services.TryAddSingleton(sp => new Lazy<HopperService>(sp.GetRequiredService<HopperService>));
        services.TryAddSingleton<NodeDirectory>();
        if (mode != NeighborhoodMode.ZeroHop)
        {
            services.TryAddSingleton<IRouteSource, GossipRouteSource>();
            services.TryAddSingleton<IGossipSink, NeighborhoodGossipSink>();
        }

        return services;
    }
}
