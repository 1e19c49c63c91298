namespace Accrue.Portal.CodeFixes
{
    /// <summary>PORTAL004: set <c>Configuration</c> to the id from <c>accrue_portal.configuration_id</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnpinnedConfigurationCodeFixProvider))]
    [Shared]
    public sealed class UnpinnedConfigurationCodeFixProvider() : PortalCodeFixProvider(PortalDiagnostics.UnpinnedConfiguration)
    {
        public const string SetConfigurationKey = "PORTAL004.SetConfiguration";

        private protected override Task RegisterFixesAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel)
        {
            if (diagnostic.Properties.TryGetValue(UnpinnedConfigurationAnalyzer.ConfigurationIdProperty, out var id) && id is not null
                && diagnostic.AdditionalLocations.Count >= 1
                && diagnostic.AdditionalLocations[0].SourceTree == diagnostic.Location.SourceTree)
            {
                var member = "Configuration = " + SyntaxFactory.Literal(id).ToString();
                var creation = diagnostic.AdditionalLocations[0].SourceSpan;
                context.RegisterCodeFix(
                    CodeAction.Create($"Set Configuration = \"{id}\"", ct => InitializerEditor.AddMemberAsync(context.Document, creation, member, ct), SetConfigurationKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }
    }
}
