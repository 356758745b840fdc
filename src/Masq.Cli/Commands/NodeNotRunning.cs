using Masq.Lib.Ui;
using Masq.Lib.Ui.Client;

namespace Masq.Cli.Commands;

internal static class NodeNotRunning
{
    /// <summary>Runs <paramref name="call"/>; on NODE_NOT_RUNNING first prints <paramref name="explanation"/> on stderr.</summary>
    public static async Task<T> ExplainAsync<T>(CommandContext context, string explanation, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (UiCallException e) when (e.Code == UiErrorCodes.NodeNotRunning)
        {
            context.Output.ErrorLine(explanation);
            throw;
        }
    }
}
