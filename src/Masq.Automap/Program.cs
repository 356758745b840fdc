using Masq.Automap;

return await AutomapProbe.RunAsync(args, Console.Out, CancellationToken.None);
