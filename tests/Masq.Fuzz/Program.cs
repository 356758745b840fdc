using Masq.Fuzz;

return FuzzCommand.Run(args);
