namespace OperationsModule.Core.Sessions
{
    /// <summary>
    /// The names the user reaches the module's commands by, for advice they can copy: with `Import-Module -Prefix Ops`
    /// Connect-OperationsServer is Connect-OpsOperationsServer. The cmdlet decides them (Core cannot see PowerShell).
    /// </summary>
    internal sealed class CommandNames
    {
        /// <summary>No prefix, and no running command known.</summary>
        public static readonly CommandNames Plain = new CommandNames(null, string.Empty);

        /// <param name="command">The running command's name as imported (with its prefix), or null.</param>
        /// <param name="prefix">The import -Prefix, or empty.</param>
        public CommandNames(string? command, string prefix)
        {
            Command = command;
            Prefix = prefix ?? string.Empty;
        }

        public string? Command { get; }

        public string Prefix { get; }

        public string Connect => Named("Connect", "OperationsServer");

        /// <summary>A command of this module by verb and noun, with the import prefix.</summary>
        public string Named(string verb, string noun) => verb + "-" + Prefix + noun;

        /// <summary>The running command for a sentence: its name, or "this command".</summary>
        public string ThisCommand => string.IsNullOrEmpty(Command) ? "this command" : Command!;
    }
}
