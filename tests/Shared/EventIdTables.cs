using System.Reflection;
using Masq.Lib.Logging;
using Microsoft.Extensions.Logging;

namespace Masq.Tests.Shared;

/// <summary>
/// Checks a product's log event ids: every table stays inside its declared range, no two tables' ranges overlap,
/// and every <c>[LoggerMessage]</c> method takes an id from a table that no other method takes.
/// </summary>
internal static class EventIdTables
{
    public static void AssertConsistent(params Assembly[] product)
    {
        var tables = product.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Range: t.GetCustomAttribute<EventIdRangeAttribute>()))
            .Where(t => t.Range is not null)
            .Select(t => (t.Type, Range: t.Range!))
            .ToList();
        Assert.NotEmpty(tables);

        var problems = new List<string>();
        var owners = new Dictionary<int, string>();
        foreach (var (type, range) in tables)
        {
            if (range.First > range.Last)
            {
                problems.Add($"{type.Name}: range {range.First}–{range.Last} is empty");
            }

            foreach (var (otherType, other) in tables.Where(t => t.Type != type && string.CompareOrdinal(t.Type.FullName, type.FullName) > 0))
            {
                if (range.First <= other.Last && other.First <= range.Last)
                {
                    problems.Add($"{type.Name} ({range.First}–{range.Last}) overlaps {otherType.Name} ({other.First}–{other.Last})");
                }
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(f => f.IsLiteral))
            {
                var id = (int)field.GetRawConstantValue()!;
                var name = $"{type.Name}.{field.Name}";
                if (id < range.First || id > range.Last)
                {
                    problems.Add($"{name} = {id} is outside {range.First}–{range.Last}");
                }

                if (!owners.TryAdd(id, name))
                {
                    problems.Add($"{name} and {owners[id]} are both {id}");
                }
            }
        }

        var users = new Dictionary<int, string>();
        foreach (var method in product.SelectMany(a => a.GetTypes()).SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)))
        {
            var message = method.GetCustomAttribute<LoggerMessageAttribute>();
            if (message is null)
            {
                continue;
            }

            var name = $"{method.DeclaringType!.FullName}.{method.Name}";
            if (!owners.ContainsKey(message.EventId))
            {
                problems.Add($"{name} logs with id {message.EventId}, which no table holds");
            }

            if (!users.TryAdd(message.EventId, name))
            {
                problems.Add($"{name} and {users[message.EventId]} both log with id {message.EventId}");
            }
        }

        Assert.NotEmpty(users);
        problems.AddRange(owners.Where(o => !users.ContainsKey(o.Key)).Select(o => $"{o.Value} = {o.Key} is logged nowhere"));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
