//! The CLI's output formats (human, JSON, SARIF). Being written.
