/**
 * Formal documents (公文): issued notices and case decisions typeset as GB/T 9704 PDFs in Chinese, byte-stable so
 * their digest identifies them. {@code notice/} and {@code accountability/} say what a document holds
 * ({@link FormalDocument}); this package lays it out, with the embedded font and the page furniture.
 */
package org.zuofeng.documents;
