"""reckon.names"""
