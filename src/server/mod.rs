//! The language server: converts between LSP and the engine. Being written.

/// Options of `factline lsp`.
#[derive(Clone, Debug, Default)]
pub struct ServerOptions {
    /// A `tracing` filter such as `info` or `factline=debug`.
    pub log_level: String,
}

/// Serves LSP on stdin/stdout until the client exits.
pub async fn run_stdio(_options: ServerOptions) -> anyhow::Result<i32> {
    anyhow::bail!("the language server is not built yet")
}
