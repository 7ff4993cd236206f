"""reckon.sources"""
