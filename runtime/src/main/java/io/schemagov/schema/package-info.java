/** The immutable schema model shared by the runtime and the processor. */
package io.schemagov.schema;
