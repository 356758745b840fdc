using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Masq.Node.EntryDns;

/// <summary>Wires the entry DNS onto the sockets the host bound before dropping privileges (none: nothing runs).</summary>
internal static class EntryDnsComposition
{
    public static IServiceCollection AddEntryDns(this IServiceCollection services, EntryDnsSockets sockets)
    {
        if (sockets.Udp is null && sockets.Tcp is null)
        {
            return services;
        }

        services.TryAddSingleton(sockets);
        services.TryAddSingleton<EntryDnsServer>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<EntryDnsServer>());
        return services;
    }
}
