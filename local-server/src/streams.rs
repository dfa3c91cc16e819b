//! Bodies produced over time: cut short, trickled, or too large to hold.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::body::{Body, Bytes};
use futures_util::stream;

/// The first half of `full`, a pause so it reaches the client, then an error: hyper drops the
/// connection mid-body.
pub(crate) fn cut_mid_body(full: Bytes) -> Body {
    let half = full.slice(..full.len() / 2);
    let pieces = stream::unfold(Cut::Half(half), |step| async move {
        match step {
            Cut::Half(half) => Some((Ok(half), Cut::Reset)),
            Cut::Reset => {
                // Without the pause hyper may fail the answer before its head is flushed.
                tokio::time::sleep(Duration::from_millis(20)).await;
                let reset = io::Error::new(
                    io::ErrorKind::ConnectionReset,
                    "local server: fault cut the body",
                );
                Some((Err(reset), Cut::Done))
            }
            Cut::Done => None,
        }
    });
    Body::from_stream(pieces)
}

/// The steps of [`cut_mid_body`].
enum Cut {
    Half(Bytes),
    Reset,
    Done,
}

/// `full` in 8 pieces, each after `pause`.
pub(crate) fn slow(full: Bytes, pause: Duration) -> Body {
    let step = full.len().div_ceil(8).max(1);
    let pieces = (0..full.len())
        .step_by(step)
        .map(move |at| full.slice(at..(at + step).min(full.len())));
    let paced = stream::unfold(pieces, move |mut pieces| async move {
        tokio::time::sleep(pause).await;
        let piece = pieces.next()?;
        Some((Ok::<_, io::Error>(piece), pieces))
    });
    Body::from_stream(paced)
}

/// What a large body is made of: one string field, then padding inside it, then the close.
const OPENING: &[u8] = br#"{"id": ""#;
const CLOSING: &[u8] = br#""}"#;
const CHUNK: usize = 64 * 1024;
/// The bytes of a large body that are not padding.
const FRAME: u64 = (OPENING.len() + CLOSING.len()) as u64;

/// A JSON object of exactly `total` bytes (at least the opening and closing), made as it is sent;
/// every byte handed to hyper is added to `sent`.
pub(crate) fn large(total: u64, sent: Arc<AtomicU64>) -> Body {
    let padding = Bytes::from(vec![b'x'; CHUNK]);
    let mut remaining = total.saturating_sub(FRAME);
    let mut opened = false;
    let mut closed = false;
    let pieces = std::iter::from_fn(move || {
        let piece = if !opened {
            opened = true;
            Bytes::from_static(OPENING)
        } else if remaining > 0 {
            let len = remaining.min(CHUNK as u64);
            remaining -= len;
            padding.slice(..len as usize)
        } else if !closed {
            closed = true;
            Bytes::from_static(CLOSING)
        } else {
            return None;
        };
        sent.fetch_add(piece.len() as u64, Ordering::Relaxed);
        Some(Ok::<_, io::Error>(piece))
    });
    Body::from_stream(stream::iter(pieces))
}

/// The byte count [`large`] produces for a requested size.
pub(crate) fn large_len(total: u64) -> u64 {
    total.max(FRAME)
}
