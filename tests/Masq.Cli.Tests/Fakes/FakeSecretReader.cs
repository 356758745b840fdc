using Masq.Cli.Commands;

namespace Masq.Cli.Tests.Fakes;

/// <summary>Answers secret prompts from a queue and records the prompts.</summary>
internal sealed class FakeSecretReader(bool canPrompt, params string?[] answers) : ISecretReader
{
    private readonly Queue<string?> _answers = new(answers);

    public bool CanPrompt { get; } = canPrompt;

    public List<string> Prompts { get; } = [];

    public Task<string?> ReadSecretAsync(string prompt, CancellationToken cancellationToken)
    {
        Prompts.Add(prompt);
        return Task.FromResult(_answers.Count > 0 ? _answers.Dequeue() : null);
    }
}
