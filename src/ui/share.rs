//! Share links and the local draft: the codec lives in the core (`gocompat::share`) so that
//! the generated rule pages write exactly the links the app reads.

pub use gocompat::share::*;
